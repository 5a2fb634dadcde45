// Package analyze turns extracted records into summaries: totals per unit,
// activity, measure category, period and document, and data-quality findings.
//
// A Summary keeps the per-count facts it was computed from, so summaries of
// disjoint record sets merge into exactly the summary of their union.
package analyze
