/**
 * Renderings of analysis results, kept apart from the computations (as Tribuo keeps evaluation
 * apart from its renderers): plain-text tables for the terminal, JSON, and a self-contained HTML
 * report with every chart as an inline PNG drawn by XChart. Nothing here computes a statistic.
 */
package org.nb201.analysis.render;
