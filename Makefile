# Two commands for a fresh Debian machine:
#   make site   installs what is missing, builds caravan (release) and the site into Site/
#   make test   installs what is missing and runs every test
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev

.PHONY: site test deps build bench clean

## deps: install the system libraries (cmark-gfm) when their headers are missing
deps:
	@if [ ! -f /usr/include/cmark-gfm.h ] || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then \
	  echo "Installing $(APT_PACKAGES) (apt-get)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi

## build: compile caravan in release mode
build: deps
	swift build -c release --product caravan

## site: build the site into Site/
site: build
	.build/release/caravan build --source . --output Site

## test: run every test
test: deps
	swift test

## clean: remove build products and the built site
clean:
	rm -rf .build Site
