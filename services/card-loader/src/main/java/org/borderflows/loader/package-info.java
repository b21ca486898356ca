/**
 * card-loader, the command line that publishes a card file through the intake: {@link
 * org.borderflows.loader.CardLoader} (main), {@link org.borderflows.loader.FileLoader} (one file to Kafka), the
 * rejection file ({@link org.borderflows.loader.RejectionFile}) and the progress line ({@link
 * org.borderflows.loader.Progress}).
 */
package org.borderflows.loader;
