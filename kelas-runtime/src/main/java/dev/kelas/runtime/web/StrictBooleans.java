package dev.kelas.runtime.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Boolean query, path and header parameters accept only {@code true} or {@code false} (any case);
 * anything else ({@code dryRun=maybe}) is a 400 MALFORMED_REQUEST before the call runs, never read as
 * false (JAX-RS's default {@code Boolean.valueOf} would turn it into a write).
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {
    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Boolean.class && rawType != boolean.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<Boolean>() {
            @Override
            public Boolean fromString(String value) {
                if (value == null) {
                    return null;
                }
                if ("true".equalsIgnoreCase(value)) {
                    return Boolean.TRUE;
                }
                if ("false".equalsIgnoreCase(value)) {
                    return Boolean.FALSE;
                }
                throw new NotABoolean();
            }

            @Override
            public String toString(Boolean value) {
                return String.valueOf(value);
            }
        };
    }

    /** A boolean parameter that is neither true nor false; its message is safe to show. */
    public static final class NotABoolean extends BadRequestException {
        NotABoolean() {
            super("A boolean parameter must be true or false");
        }
    }
}
