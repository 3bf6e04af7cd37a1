# The web app, built from source. Used by docker-compose.yml with SQL Server.
# Why Alpine, and what could not be tried without Docker: docs/decisions/0019-container-image.md.

# The front end: Sass needs Node 20.19 or later (Debian's nodejs in the SDK image is older).
FROM node:22-alpine AS frontend
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY build/frontend.mjs build/
COPY src/Commissioning.Web/Styles src/Commissioning.Web/Styles
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
COPY --from=frontend /src/src/Commissioning.Web/wwwroot/css src/Commissioning.Web/wwwroot/css
COPY --from=frontend /src/src/Commissioning.Web/wwwroot/lib src/Commissioning.Web/wwwroot/lib
# FrontendBuilt=true: the Web project's npm targets are skipped, as there is no Node in this stage.
# Playwright's own Node (a glibc build, ~120 MB) cannot run on Alpine and is removed; its driver's
# JavaScript in .playwright/package stays and runs on the image's Node (PLAYWRIGHT_NODEJS_PATH below).
# (-p:PlaywrightPlatform=none would drop that JavaScript too, and printing with it.)
# ReadyToRun (compiled ahead for Alpine's linux-musl-x64): the app and its packages start without most of their JIT,
# to a healthy /health in 1.7-2.0 s at 10,000 contracts rather than 2.8-3.2 s (issue 15, docs/performance.md).
RUN dotnet publish src/Commissioning.Web -c Release -r linux-musl-x64 --no-self-contained -p:PublishReadyToRun=true -o /app -p:FrontendBuilt=true \
 && rm -rf /app/.playwright/node

FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine AS final
# chromium prints the cover sheets; they are set in Liberation Sans, with DejaVu Sans for the tick boxes.
# nodejs runs Playwright's driver: the Node it ships is built for glibc and cannot run on Alpine's musl.
# icu for the en-GB culture (the image is culture-invariant without it), tzdata for Europe/London.
# busybox's wget (in the base image) is what the compose health check calls.
RUN apk add --no-cache chromium nodejs font-liberation font-dejavu icu-libs icu-data-full tzdata
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    PLAYWRIGHT_NODEJS_PATH=/usr/bin/node \
    Pdf__ChromiumPath=/usr/bin/chromium
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Commissioning.Web.dll"]
