package com.lakesail.backend.domain.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 block in CIDR notation ({@code 10.20.0.0/16}). Parsing is strict (decimal octets without
 * leading zeros, a prefix 0..32) so that two spellings of one block cannot pass as different blocks.
 *
 * @param address the network address as an unsigned 32-bit value held in an int
 * @param prefix  the prefix length, 0..32
 */
public record Ipv4Cidr(int address, int prefix) {
    private static final Pattern TEXT = Pattern.compile(
            "^(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})/(0|[1-9][0-9]?)$");
    /** RFC 1918 private address space. */
    private static final List<Ipv4Cidr> PRIVATE = List.of(
            new Ipv4Cidr(0x0A000000, 8), new Ipv4Cidr(0xAC100000, 12), new Ipv4Cidr(0xC0A80000, 16));

    public Ipv4Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix must be between 0 and 32");
        }
    }

    /**
     * Parses {@code a.b.c.d/p}. Host bits may be set; see {@link #isCanonical()}.
     *
     * @throws IllegalArgumentException with a message fit for a field error
     */
    public static Ipv4Cidr parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("must be an IPv4 CIDR block such as 10.0.0.0/16");
        }
        int address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new IllegalArgumentException("must be an IPv4 CIDR block such as 10.0.0.0/16");
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            throw new IllegalArgumentException("must be an IPv4 CIDR block such as 10.0.0.0/16");
        }
        return new Ipv4Cidr(address, prefix);
    }

    public int mask() {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    /** True when no host bit is set: {@code 10.0.0.0/16}, not {@code 10.0.1.0/16}. */
    public boolean isCanonical() {
        return (address & mask()) == address;
    }

    /** The block with its host bits cleared. */
    public Ipv4Cidr canonical() {
        return new Ipv4Cidr(address & mask(), prefix);
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    long first() {
        return Integer.toUnsignedLong(address & mask());
    }

    long last() {
        return first() + size() - 1;
    }

    public boolean overlaps(Ipv4Cidr other) {
        return first() <= other.last() && other.first() <= last();
    }

    public boolean contains(Ipv4Cidr other) {
        return first() <= other.first() && other.last() <= last();
    }

    /** Inside RFC 1918 space (10/8, 172.16/12, 192.168/16). */
    public boolean isPrivate() {
        return PRIVATE.stream().anyMatch(block -> block.contains(this));
    }

    /** This block cut into {@code 2^bits} equal blocks, in address order. */
    public List<Ipv4Cidr> split(int bits) {
        if (bits < 0 || prefix + bits > 32) {
            throw new IllegalArgumentException("cannot split a /" + prefix + " into /" + (prefix + bits) + " blocks");
        }
        int childPrefix = prefix + bits;
        long childSize = 1L << (32 - childPrefix);
        List<Ipv4Cidr> blocks = new ArrayList<>(1 << bits);
        for (long i = 0; i < (1L << bits); i++) {
            blocks.add(new Ipv4Cidr((int) (first() + i * childSize), childPrefix));
        }
        return blocks;
    }

    @Override
    public String toString() {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF) + "/" + prefix;
    }
}
