/**
 * The one path every migration card takes in, whatever its channel: readers for CSV, JSON and NDJSON ({@link
 * org.borderflows.intake.CardReader}), validation ({@link org.borderflows.intake.CardValidator}, docs/rules.md §1),
 * pseudonymisation and masking ({@link org.borderflows.intake.CardIntake}, {@link org.borderflows.intake.Masking}, §2)
 * and the durable publisher of crossings and rejections ({@link org.borderflows.intake.IntakePublisher}). Used by the
 * card gateway and the card loader.
 */
package org.borderflows.intake;
