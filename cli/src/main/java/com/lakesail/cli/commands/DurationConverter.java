package com.lakesail.cli.commands;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}, or ISO-8601 ({@code PT1H30M}). */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("p")) {
                return positive(Duration.parse(text.toUpperCase(Locale.ROOT)), value);
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return positive(switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            }, value);
        } catch (RuntimeException e) {
            throw new CommandLine.TypeConversionException("expected a duration such as 90s, 30m or 2h, not " + value);
        }
    }

    private static Duration positive(Duration duration, String value) {
        if (duration.isNegative() || duration.isZero()) {
            throw new CommandLine.TypeConversionException("expected a positive duration, not " + value);
        }
        return duration;
    }
}
