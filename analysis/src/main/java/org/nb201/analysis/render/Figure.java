package org.nb201.analysis.render;

import org.knowm.xchart.internal.chartpart.Chart;

/** A chart with the caption the report shows under it. */
public record Figure(String caption, Chart<?, ?> chart) {}
