package org.imageproc.bench;

import java.util.List;

/** One pass of the pipeline benchmark: its outcomes, how long its uploads took to send, the CPU the service used. */
record Pass(String name, List<Outcome> outcomes, double uploadSeconds, long serviceCpuMs, long childrenCpuMs) {

    double serviceCpuMsPerImage() {
        return (double) serviceCpuMs / outcomes.size();
    }

    double childrenCpuMsPerImage() {
        return (double) childrenCpuMs / outcomes.size();
    }
}
