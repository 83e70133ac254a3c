package io.loadgrid.common.workload;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Yields the URL of item i; generated from the index so that a million items cost no memory. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SeedStream.class, name = "seed"),
    @JsonSubTypes.Type(value = UrlTemplate.class, name = "template")
})
public sealed interface UrlSource permits SeedStream, UrlTemplate {
    String url(long index);

    /** Scheme, host and port every URL of this source starts with, for pre-flight checks. */
    String base();
}
