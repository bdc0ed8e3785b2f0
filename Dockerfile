# hers-bot container image. Not built or exercised on the project's CI machines (no Docker engine there).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm install --no-save tsx@4
COPY src ./src
COPY commands ./commands
COPY sql ./sql
USER node
CMD ["npx", "tsx", "src/main.ts"]
