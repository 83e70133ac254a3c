package io.loadgrid.common.workload;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A CPU-bound unit of work per item; each returns a number whose sum over all items is the run's result. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CpuKernel.Encode.class, name = "encode"),
    @JsonSubTypes.Type(value = CpuKernel.SqrtSum.class, name = "sqrt-sum"),
    @JsonSubTypes.Type(value = CpuKernel.Squares.class, name = "squares")
})
public sealed interface CpuKernel permits CpuKernel.Encode, CpuKernel.SqrtSum, CpuKernel.Squares {

    String name();

    long compute(long index);

    /** Seed 000: the UTF-8 byte length of every character of the seed-stream URL of item i. */
    record Encode(UrlSource urls) implements CpuKernel {
        @Override
        public String name() {
            return "encode";
        }

        @Override
        public long compute(long index) {
            String url = urls.url(index);
            long bytes = 0;
            for (int i = 0; i < url.length(); i++) {
                // per character, as the seed does: encode one character and take its length
                bytes += String.valueOf(url.charAt(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
            return bytes;
        }
    }

    /**
     * Seed 003: the sum of square roots of 0..iterations-1; the result adds the integer part of each item's sum.
     */
    record SqrtSum(int iterations) implements CpuKernel {
        @Override
        public String name() {
            return "sqrt-sum";
        }

        @Override
        public long compute(long index) {
            double sum = 0;
            for (int i = 0; i < iterations; i++) {
                sum += Math.sqrt(i);
            }
            return (long) sum;
        }
    }

    /** Seed 001: the square of the item number (items count from 1, as the seed's range does). */
    record Squares() implements CpuKernel {
        @Override
        public String name() {
            return "squares";
        }

        @Override
        public long compute(long index) {
            long n = index + 1;
            return n * n;
        }
    }
}
