# The two commands: `make run` and `make test`. Everything else is a routine
# task with a name, so nobody has to remember a command line.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

GO      ?= go
BIN     := bin/reablement
WITHPG  := $(GO) run ./server/pgcluster/withpg --
FRONT   := frontend

.PHONY: help run build build-api build-web frontend-deps test test-go test-web test-e2e vet \
        generate generate-ent generate-gql generate-web check-generated migration bench load clean

help: ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

run: build ## Build everything, start (with a private PostgreSQL unless DATABASE_URL is set) and serve on http://127.0.0.1:8080.
	DEV_SIGNER=$${DEV_SIGNER:-1} DEMO_DATA=$${DEMO_DATA:-1} ./$(BIN) serve

build: build-api build-web ## Build the API binary and the web app.

build-api:
	$(GO) build -o $(BIN) ./server

frontend-deps:
	@if [ ! -d $(FRONT)/node_modules ] || [ $(FRONT)/package-lock.json -nt $(FRONT)/node_modules/.package-lock.json ]; then \
		npm --prefix $(FRONT) ci --no-audit --no-fund; fi

build-web: frontend-deps
	npm --prefix $(FRONT) run build

test: vet test-go test-web test-e2e ## Everything, against a real PostgreSQL: vet, Go tests, web unit tests, browser tests.

vet:
	$(GO) vet ./...

test-go: ## Go tests; one private PostgreSQL for the run, one database per test package.
	$(WITHPG) $(GO) test -count=1 ./...

test-web: frontend-deps ## The web app's unit tests.
	npm --prefix $(FRONT) test

test-e2e: build ## Browser tests in Debian's Chromium against the real server and demo data.
	$(WITHPG) npm --prefix $(FRONT) run e2e

generate: generate-ent generate-gql generate-web ## Regenerate ent, gqlgen and the web app's typed operations.

generate-ent:
	cd ent && $(GO) run -mod=mod ./entc.go

generate-gql:
	$(GO) run github.com/99designs/gqlgen generate --config gqlgen.yml
	@# Work gqlgen's code does that this server never needs (graph/internal/leanfields, issue 14).
	$(GO) run ./graph/internal/leanfields graph/generated/generated.go

generate-web: frontend-deps
	npm --prefix $(FRONT) run codegen

check-generated: generate ## Fail when generated code is stale (CI runs this).
	@if [ -n "$$(git status --porcelain -- ent graph schema.graphql $(FRONT)/src)" ]; then \
		echo "Generated code is stale: run 'make generate' and commit the result."; \
		git status --porcelain -- ent graph schema.graphql $(FRONT)/src; exit 1; fi

migration: ## Write a migration for schema changes: make migration name=add_something
	@test -n "$(name)" || (echo "usage: make migration name=what_changed" && exit 2)
	$(WITHPG) $(GO) run -mod=mod ./ent/migrations/diff $(name)

bench: ## Benchmarks (consent overhead, workers' today query); prints figures.
	$(WITHPG) $(GO) test -tags consentoff -run '^$$' -bench . -benchmem ./...

load: ## Load benchmark (issues 6, 14): the workers' today query and the analyst's page, beside pgbench's replay, PostGraphile 5 (installed by npm into your cache directory) and one statement per answer; prints the table. LOAD_FLAGS="-people 2000 -duration 5s" for a quick one, LOAD_FLAGS='-peers ""' for the server alone.
	$(GO) run ./server/loadbench $(LOAD_FLAGS)

clean: ## Remove build output (not .data: that is your local database).
	rm -rf bin $(FRONT)/dist $(FRONT)/test-results
