# nuanxin — a newcomer on a fresh Debian 12 machine runs `make demo` and `make test`.
#
#   make test      install missing Debian packages (+ chromium), lint, build, run every test (with a temporary PostGIS)
#   make format    format the Swift sources with .swift-format (make lint checks them; make test runs lint)
#   make demo      release build, then the main job on geodata/ into out/
#   make bench     benchmark environment (bench/.venv) and benchmark run -> bench/RESULTS.md
#   make geodata   re-derive geodata/{stations,hotspots,candidates}.geojson
#   make geodata-check   verify those files match a fresh derivation
#   make fuzz      long fuzz run (FUZZ_RUNS inputs, release build); `make test` runs 30 s of it

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# The swift.org toolchain lives in /opt/swift on the project's machines; use it when
# it is not on PATH already.
ifeq ($(shell command -v swift),)
ifneq ($(wildcard /opt/swift/usr/bin/swift),)
export PATH := $(PATH):/opt/swift/usr/bin
endif
endif

SWIFT ?= swift
OUT ?= out
NUANXIN := .build/release/nuanxin

# Inputs of the demo: the default city and the files derived from it (geodata/SOURCES.md).
DEMO_NETWORK ?= geodata/chengdu-center.osm.pbf
DEMO_DISTRICTS ?= geodata/districts.geojson
DEMO_STATIONS ?= geodata/stations.geojson
DEMO_HOTSPOTS ?= geodata/hotspots.geojson
DEMO_CANDIDATES ?= geodata/candidates.geojson
DEMO_GEOJSON := $(DEMO_DISTRICTS) $(DEMO_STATIONS) $(DEMO_HOTSPOTS) $(DEMO_CANDIDATES)

# The demo runs these steps in order; a new subcommand gets a `demo-<name>` target
# below and its name appended here.
DEMO_STEPS := demo-inspect demo-network demo-reach demo-audit demo-plan demo-report demo-convert

.PHONY: help deps deps-browser test lint format fuzz demo demo-build $(DEMO_STEPS) bench geodata geodata-check clean

help:
	@sed -n '/^#/!q; s/^# \{0,1\}//; p' Makefile

deps:
	scripts/install-deps

deps-browser:
	scripts/install-deps --browser

# One build of every target and test bundle (this also builds .build/debug/nuanxin,
# which the CLI tests spawn), then the tests without building again, under a throwaway
# PostgreSQL + PostGIS server (scripts/with-postgres) so the PostGIS round trip always runs.
# The last step is a fixed-seed fuzz run of the readers and the option parser
# (Tests/Fixtures/fuzz/README.md); a crash, hang or bad exit fails `make test`.
test: deps-browser lint
	$(SWIFT) build --build-tests
	test -x .build/debug/nuanxin
	NUANXIN_REQUIRE_PG=1 scripts/with-postgres $(SWIFT) test --skip-build
	test -x .build/debug/nuanxin-fuzz
	.build/debug/nuanxin-fuzz --seed 1 --seconds $(FUZZ_SECONDS) --nuanxin .build/debug/nuanxin 2>&1 \
		| { grep -v '^nuanxin: note:' || true; }

# Style: the configuration in .swift-format (4 spaces, 140 columns); `make format` applies it.
lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Package.swift

FUZZ_SECONDS ?= 30
FUZZ_RUNS ?= 1000000
FUZZ_SEED ?= 2

fuzz:
	$(SWIFT) build -c release --product nuanxin
	$(SWIFT) build -c release --product nuanxin-fuzz
	.build/release/nuanxin-fuzz --seed $(FUZZ_SEED) --runs $(FUZZ_RUNS) --nuanxin .build/release/nuanxin

demo: deps demo-build
	mkdir -p $(OUT)
	$(MAKE) --no-print-directory $(DEMO_STEPS)
	@echo "demo: outputs in $(OUT)/ (data © OpenStreetMap contributors, ODbL 1.0)"

demo-build:
	$(SWIFT) build -c release --product nuanxin

demo-inspect:
	for file in $(DEMO_GEOJSON); do $(NUANXIN) inspect "$$file"; done

demo-network:
	$(NUANXIN) network info --network $(DEMO_NETWORK) --cache $(OUT)/cache

demo-reach:
	$(NUANXIN) reach --network $(DEMO_NETWORK) --cache $(OUT)/cache --stations $(DEMO_STATIONS) \
		--minutes 5,10,15 --out $(OUT)/reach.geojson
	$(NUANXIN) reach --network $(DEMO_NETWORK) --cache $(OUT)/cache --stations $(DEMO_STATIONS) \
		--minutes 15 --per-station --out $(OUT)/reach-per-station.geojson
	$(NUANXIN) reach --network $(DEMO_NETWORK) --cache $(OUT)/cache --stations $(DEMO_STATIONS) \
		--minutes 15 --at 22:30 --out $(OUT)/reach-2230.geojson
	$(NUANXIN) reach --network $(DEMO_NETWORK) --cache $(OUT)/cache --stations $(DEMO_STATIONS) \
		--minutes 5,10,15 --split --out $(OUT)/reach-split.geojson

demo-audit:
	$(NUANXIN) audit --network $(DEMO_NETWORK) --cache $(OUT)/cache --stations $(DEMO_STATIONS) \
		--hotspots $(DEMO_HOTSPOTS) --districts $(DEMO_DISTRICTS) --minutes 15 \
		--out $(OUT)/audit.geojson --summary $(OUT)/audit.csv --by-hour --stations-out $(OUT)/audit-stations.csv
	$(NUANXIN) audit --network $(DEMO_NETWORK) --cache $(OUT)/cache --stations $(DEMO_STATIONS) \
		--hotspots $(DEMO_HOTSPOTS) --districts $(DEMO_DISTRICTS) --minutes 15 --service charging \
		--out $(OUT)/audit-charging.geojson --summary $(OUT)/audit-charging.csv

demo-plan:
	$(NUANXIN) plan --network $(DEMO_NETWORK) --cache $(OUT)/cache --stations $(DEMO_STATIONS) \
		--hotspots $(DEMO_HOTSPOTS) --candidates $(DEMO_CANDIDATES) --objective coverage --new 5 \
		--minutes 15 --frontier 1..10 --out $(OUT)/plan.geojson --summary $(OUT)/plan.csv
	$(NUANXIN) plan --network $(DEMO_NETWORK) --cache $(OUT)/cache --stations $(DEMO_STATIONS) \
		--hotspots $(DEMO_HOTSPOTS) --candidates osm --objective mean-time --new 5 --exact \
		--minutes 15 --out $(OUT)/plan-mean-time.geojson
	$(NUANXIN) plan --network $(DEMO_NETWORK) --cache $(OUT)/cache --stations $(DEMO_STATIONS) \
		--hotspots $(DEMO_HOTSPOTS) --candidates $(DEMO_CANDIDATES) --objective coverage --new 3 \
		--minutes 15 --hours 0-24 --out $(OUT)/plan-hours.geojson --summary $(OUT)/plan-hours.csv
	$(NUANXIN) plan --network $(DEMO_NETWORK) --cache $(OUT)/cache --stations $(DEMO_STATIONS) \
		--hotspots $(DEMO_HOTSPOTS) --candidates $(DEMO_CANDIDATES) --new 3 --capacity --default-capacity 48 \
		--out $(OUT)/plan-capacity.geojson --summary $(OUT)/plan-capacity.csv
	$(NUANXIN) plan --network $(DEMO_NETWORK) --cache $(OUT)/cache --stations $(DEMO_STATIONS) \
		--hotspots $(DEMO_HOTSPOTS) --candidates $(DEMO_CANDIDATES) --objective mean-time --new 3 --capacity \
		--default-capacity 48 --out $(OUT)/plan-capacity-median.geojson --summary $(OUT)/plan-capacity-median.csv
	$(NUANXIN) plan --network $(DEMO_NETWORK) --cache $(OUT)/cache --stations $(DEMO_STATIONS) \
		--hotspots $(DEMO_HOTSPOTS) --candidates $(DEMO_CANDIDATES) --new 3 --backup \
		--out $(OUT)/plan-backup.geojson
	$(NUANXIN) plan --network $(DEMO_NETWORK) --cache $(OUT)/cache --stations $(DEMO_STATIONS) \
		--hotspots $(DEMO_HOTSPOTS) --candidates $(DEMO_CANDIDATES) --new 3 --speed-band 12,15 --frontier 1..5 \
		--out $(OUT)/plan-speed-band.geojson
	$(NUANXIN) plan --network $(DEMO_NETWORK) --cache $(OUT)/cache --stations $(DEMO_STATIONS) \
		--hotspots $(DEMO_HOTSPOTS) --candidates $(DEMO_CANDIDATES),roads:250 --new 3 \
		--out $(OUT)/plan-roads.geojson --summary $(OUT)/plan-roads.csv

# The report a planner opens offline: map, tables and charts in one HTML file.
demo-report:
	$(NUANXIN) report --network $(DEMO_NETWORK) --cache $(OUT)/cache --stations $(DEMO_STATIONS) \
		--hotspots $(DEMO_HOTSPOTS) --districts $(DEMO_DISTRICTS) --candidates $(DEMO_CANDIDATES),roads:250 --new 5 \
		--minutes 5,10,15 --speed-band 12,20 --data-note "OpenStreetMap, data of about 2018" \
		--out $(OUT)/report.html

demo-convert:
	$(NUANXIN) convert --from wgs84 --to gcj02 $(DEMO_STATIONS) --out $(OUT)/stations-gcj02.geojson

bench:
	bench/setup
	bench/run

# The hotspots are aggregated by `nuanxin hotspots` (release build, made first).
geodata: demo-build
	scripts/derive-geodata

geodata-check: demo-build
	scripts/derive-geodata --check

clean:
	rm -rf $(OUT) bench/work
