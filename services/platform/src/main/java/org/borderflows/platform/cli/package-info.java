/** The platform's command-line programs; they read their settings as every program does (platform.config). */
package org.borderflows.platform.cli;
