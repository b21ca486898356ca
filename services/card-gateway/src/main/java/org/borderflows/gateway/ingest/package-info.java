/**
 * Streaming one HTTP request body through the intake, one record at a time ({@link
 * org.borderflows.gateway.ingest.BatchIngester}), and the answer to the batch ({@link
 * org.borderflows.gateway.ingest.IngestReport}).
 */
package org.borderflows.gateway.ingest;
