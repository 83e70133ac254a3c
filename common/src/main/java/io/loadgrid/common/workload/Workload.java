package io.loadgrid.common.workload;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What each item of a run does: an HTTP request, or a CPU kernel on a generated input. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Workload.Http.class, name = "http"),
    @JsonSubTypes.Type(value = Workload.Cpu.class, name = "cpu")
})
public sealed interface Workload permits Workload.Http, Workload.Cpu {

    String name();

    /**
     * One HTTP GET per item.
     *
     * @param statusFails whether 4xx/5xx responses count as failures (the default) or as completed items
     */
    record Http(String name, UrlSource urls, boolean statusFails) implements Workload {}

    record Cpu(CpuKernel kernel) implements Workload {
        @Override
        public String name() {
            return kernel.name();
        }
    }
}
