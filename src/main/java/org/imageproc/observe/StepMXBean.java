package org.imageproc.observe;

/** What JMX shows of one processing step: runs, failures, mean and 95th-percentile latency. */
public interface StepMXBean {

    long getCount();

    long getFailed();

    double getMeanMillis();

    /** Over the last five minutes. */
    double getP95Millis();

    /** Over the last five minutes. */
    double getMaxMillis();
}
