/**
 * The tables in memory and their questions: {@link org.borderflows.query.tables.CellReader} (reads
 * {@code table-cells} into the cube), {@link org.borderflows.query.tables.Cube} (every cell, packed, with rollups), {@link org.borderflows.query.tables.Datasets} (the catalogue), {@link
 * org.borderflows.query.tables.TableQueries} (answers a {@link org.borderflows.query.tables.Query}), {@link
 * org.borderflows.query.tables.Estimator} (provisional 12/16 estimates, docs/rules.md §6) and {@link
 * org.borderflows.query.tables.Protection} (confidentiality, §10).
 */
package org.borderflows.query.tables;
