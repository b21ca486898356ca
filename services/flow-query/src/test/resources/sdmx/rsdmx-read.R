# An independent SDMX 2.1 client (R package rsdmx) reads the 12/16 data structure and data from the service.
# Usage: Rscript rsdmx-read.R BASE_URL KEY [USER:PASSWORD]
# Prints the DSD's dimension ids, then the observations as CSV (the JUnit test compares them with the JSON API).
# With USER:PASSWORD the messages are fetched with HTTP basic authentication (httr, which rsdmx itself uses) and
# handed to rsdmx as files: readSDMX sends no credentials of its own.
args <- commandArgs(trailingOnly = TRUE)
base <- args[1]
key <- args[2]
credentials <- if (length(args) >= 3) args[3] else NA
suppressPackageStartupMessages(library(rsdmx))

read <- function(url) {
  if (is.na(credentials)) {
    return(readSDMX(url))
  }
  file <- tempfile(fileext = ".xml")
  user <- sub(":.*", "", credentials)
  password <- sub("^[^:]*:", "", credentials)
  response <- httr::GET(url, httr::authenticate(user, password), httr::accept("application/xml"))
  httr::stop_for_status(response)
  writeBin(httr::content(response, "raw"), file)
  readSDMX(file = file, isURL = FALSE)
}

dsd <- read(paste0(base, "/sdmx/2.1/datastructure/BORDER_FLOWS/DSD_MIGRATION_12_16/1.0?references=children"))
components <- dsd@datastructures@datastructures[[1]]@Components
cat("DIMENSIONS:", paste(sapply(components@Dimensions, function(d) d@conceptRef), collapse = ","), "\n")
cat("TIME:", components@TimeDimension@conceptRef, "\n")
cat("MEASURE:", components@PrimaryMeasure@conceptRef, "\n")
codelists <- sapply(dsd@codelists@codelists, function(c) c@id)
cat("CODELISTS:", paste(codelists, collapse = ","), "\n")
citizenship <- dsd@codelists@codelists[[which(codelists == "CL_CITIZENSHIP")]]
cat("CITIZENSHIP:", paste(sapply(citizenship@Code, function(c) c@id), collapse = ","), "\n")

data <- as.data.frame(read(paste0(base, "/sdmx/2.1/data/MIGRATION_12_16/", key)))
columns <- c("TIME_PERIOD", "DIRECTION", "CITIZENSHIP", "OBS_VALUE", "FINAL_COUNT", "LOWER", "UPPER", "OBS_STATUS", "CONF_STATUS")
for (column in columns) {
  if (!(column %in% names(data))) data[[column]] <- NA
}
cat("DATA\n")
write.csv(data[, columns], stdout(), row.names = FALSE, na = "")
