package com.lakesail.backend.api;

import com.lakesail.backend.domain.FieldError;
import com.lakesail.backend.domain.Text;
import com.lakesail.backend.domain.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text of a request, checked before anything reads it: only valid Unicode gets in, and each
 * refusal names where the bad text is ({@code body}, {@code path}, a query or path parameter).
 */
final class RequestText {
    private static final String INVALID_TEXT = "is not valid Unicode text (it holds an unpaired surrogate)";

    private RequestText() {
    }

    /**
     * Refuses text that is not valid Unicode before anything reads it: a body or query parameter
     * holding an unpaired surrogate (a Lambda event's strings can), and a path that is not ASCII
     * (RFC 3986: anything else is percent-encoded; raw bytes reach us already altered).
     */
    static void requireValid(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.body() != null && !Text.wellFormed(request.body())) {
            errors.add(new FieldError("body", INVALID_TEXT));
        }
        if (!request.path().chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            errors.add(new FieldError("path", "must be ASCII: percent-encode other characters as UTF-8"));
        }
        request.query().forEach((name, value) -> {
            if (!Text.wellFormed(name) || !Text.wellFormed(value)) {
                errors.add(new FieldError(Text.wellFormed(name) ? name : "query", INVALID_TEXT));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * The match with each path parameter percent-decoded, strictly: a malformed one, or one hiding a
     * control character (no id or name has one), is a 400 naming it.
     */
    static Router.Match decoded(Router.Match match) {
        Map<String, String> params = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        match.pathParams().forEach((name, raw) -> {
            Optional<String> value = Text.percentDecoded(raw, false);
            if (value.isEmpty()) {
                errors.add(new FieldError(name, "is not valid percent-encoded UTF-8"));
            } else if (value.get().chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
                errors.add(new FieldError(name, "must not contain control characters"));
            } else {
                params.put(name, value.get());
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Router.Match(match.route(), Map.copyOf(params));
    }
}
