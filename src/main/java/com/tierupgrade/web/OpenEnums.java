package com.tierupgrade.web;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Values the service may add to without a new API version (history kinds, causes, explanation topics) are documented
 * as open: plain strings whose known values are listed under {@value #EXTENSION} instead of {@code enum}, so that a
 * generated client keeps a value it does not know yet instead of failing on it. A Java enum opts in with
 * {@code @Schema(extensions = @Extension(name = OpenEnums.EXTENSION, value = "true"))}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenEnums implements OASFilter {

    /** The usual name for an open list of values (Zalando's API guidelines); generators read such a schema as a string. */
    public static final String EXTENSION = "x-extensible-enum";

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getExtensions() != null && schema.getExtensions().containsKey(EXTENSION)
                && schema.getEnumeration() != null) {
            schema.addExtension(EXTENSION, List.copyOf(schema.getEnumeration()));
            schema.setEnumeration(null);
        }
        return schema;
    }
}
