#!/usr/bin/env python3
"""Regenerates the embedded gazetteer tables from shared/data/geo (see SOURCES.md).

Usage: python3 trim.py /path/to/shared/data/geo
Keeps only the columns the library reads, as tab-separated text (names contain commas), gzipped
with a zero timestamp so the output is byte-identical on every run.
"""
import csv, gzip, io, sys

src = sys.argv[1]

def write(name, header, rows):
    text = io.StringIO()
    text.write("\t".join(header) + "\n")
    for r in rows:
        text.write("\t".join(r) + "\n")
    with open(name, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(text.getvalue().encode("utf-8"))

def read(name):
    with open(f"{src}/{name}", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

sectors = read("uk_postcode_sectors.csv")
write("postcode_sectors.tsv.gz", ["sector", "latitude", "longitude", "postcodes", "lad_code"],
      ([r["sector"], r["latitude"], r["longitude"], r["postcodes"], r["lad_code"]] for r in sectors))

districts = read("uk_postcode_districts.csv")
write("postcode_districts.tsv.gz", ["outcode", "latitude", "longitude", "postcodes", "lad_code"],
      ([r["outcode"], r["latitude"], r["longitude"], r["postcodes"], r["lad_code"]] for r in districts))

lads = read("uk_local_authority_districts.csv")
write("local_authority_districts.tsv.gz", ["lad_code", "lad_name", "cssr_code", "cssr_name", "country"],
      ([r["lad_code"], r["lad_name"].strip(), r["cssr_code"], r["cssr_name"].strip(), r["country"]] for r in lads))
