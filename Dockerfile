# The Ezo POS hub as a container image: the API and the built till, on Node 24 (which runs the hub's
# TypeScript by stripping types: no compiler at run time), as the unprivileged `node` user.
# Build: docker build -t ezo-hub .      Run with PostgreSQL: docker compose up (compose.yaml).
# Settings are the hub's environment variables (server/README.md); data (PGlite, generated tokens) in /data.

# 1. Everything installed, the till built (vite needs the dev dependencies).
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY contract/package.json contract/
RUN npm ci --no-audit --no-fund
COPY index.html vite.config.ts tsconfig.json ./
COPY types types
COPY public public
COPY src src
COPY test-support test-support
COPY contract contract
RUN npx vite build

# 2. The production dependencies only.
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY contract/package.json contract/
# No install scripts: the only one (esbuild's, for tsx) serves Node 20, and this image runs Node 24.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# 3. The image: dependencies, the hub's sources, the money rules it shares with the till, the built till.
FROM node:24-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 EZO_DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY package.json ./
COPY contract contract
COPY server/src server/src
COPY src/domain src/domain
COPY scripts/run-ts.mjs scripts/run-ts.mjs
COPY --from=build /app/dist dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080
# Ready = the database answers and the schema is current (GET /health/ready); slim has no curl.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) drains: running batches finish within SHUTDOWN_GRACE_MS (10 s), then exit 0.
CMD ["node", "scripts/run-ts.mjs", "server/src/main.ts"]
