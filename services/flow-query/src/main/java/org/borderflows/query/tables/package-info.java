/**
 * The tables in memory and their questions: {@link org.borderflows.query.tables.CellReader} (reads
 * {@code table-cells} into the cube); {@link org.borderflows.query.tables.Cube} (the store: lock, versions, clock)
 * with its parts {@link org.borderflows.query.tables.DatasetCells} (one dataset's cells and rollups), {@link
 * org.borderflows.query.tables.CellSchema} and {@link org.borderflows.query.tables.Dictionary} (the packing, by the
 * bits of {@code topology.CellDimension}) and {@link org.borderflows.query.tables.Cell}; {@link
 * org.borderflows.query.tables.Datasets} (the catalogue); {@link org.borderflows.query.tables.TableQueries} (answers a
 * {@link org.borderflows.query.tables.Query}: the period and the counts), with {@link
 * org.borderflows.query.tables.MigrationTable} (the 12/16 tables), {@link org.borderflows.query.tables.TableRows}
 * (rows, protected figures, statuses), {@link org.borderflows.query.tables.Estimator} (provisional 12/16 estimates,
 * docs/rules.md §6) and {@link org.borderflows.query.tables.Protection} (confidentiality, §10).
 */
package org.borderflows.query.tables;
