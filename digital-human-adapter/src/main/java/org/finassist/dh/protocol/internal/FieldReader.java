package org.finassist.dh.protocol.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Typed, strict access to the fields of one JSON frame; every violation becomes an {@link InvalidField}. */
final class FieldReader {

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final JsonNode node;

    FieldReader(JsonNode node) {
        this.node = node;
    }

    String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidField(field, "a string");
        }
        return value.textValue();
    }

    String nonBlank(String field) {
        String value = text(field);
        if (value.isBlank()) {
            throw new InvalidField(field, "a non-empty string");
        }
        return value;
    }

    /** A session or runtime id: 1–100 characters of letters, digits and {@code . _ : -}. */
    String id(String field) {
        String value = text(field);
        if (!ID.matcher(value).matches()) {
            throw new InvalidField(field, "1-100 characters of letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }

    String optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return text(field);
    }

    long nonNegativeLong(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() < 0) {
            throw new InvalidField(field, "a non-negative integer");
        }
        return value.longValue();
    }

    /** An optional non-negative integer; -1 when absent or null. */
    long optionalNonNegativeLong(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return -1;
        }
        return nonNegativeLong(field);
    }

    int positiveInt(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isInt() || value.intValue() < 1) {
            throw new InvalidField(field, "a positive integer");
        }
        return value.intValue();
    }

    boolean optionalBoolean(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidField(field, "a boolean");
        }
        return value.booleanValue();
    }

    List<String> optionalStrings(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidField(field, "an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new InvalidField(field, "an array of strings");
            }
            out.add(item.textValue());
        }
        return out;
    }

    FieldReader object(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new InvalidField(field, "an object");
        }
        return new FieldReader(value);
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String raw = text(field);
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "one of " + wireNames(type));
        }
    }

    private static <E extends Enum<E>> String wireNames(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }

    /** A field is missing or has the wrong shape. */
    static final class InvalidField extends RuntimeException {
        InvalidField(String field, String expected) {
            super("field '" + field + "' must be " + expected, null, false, false);
        }
    }
}
