package io.loadgrid.coordinator.export;

/** The labels that place a run's series: which sweep, which cell of it, and the cell's model and concurrency. */
public record RunLabels(String sweep, String cell, String model, int concurrency) {}
