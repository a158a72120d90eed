# gongwen in a container: `docker build -t gongwen .` then
#   docker run --rm -v "$PWD:/work" gongwen -t html report.txt > report.html
#   docker run --rm -v "$PWD:/work" gongwen check report.txt
#   docker run --rm -v "$PWD:/work" gongwen -t html,md -O out/ reports/
# The first stage builds the Debian packages (debian/, as `make deb` does);
# the image installs the gongwen and gongwen-data packages with apt, so that
# it holds what a Debian user gets and nothing of the build.
# (Written where debian:12 could not be pulled: the same steps run by
# tests/deb.sh on Debian 12 are what it relies on.)
FROM debian:12 AS build
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        build-essential debhelper dpkg-dev fakeroot pkg-config gettext check locales \
        libxml2-dev libxslt1-dev libjson-c-dev libzip-dev libpoppler-glib-dev \
        libcmark-gfm-dev libcmark-gfm-extensions-dev \
    && localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src/gongwen
COPY . .
RUN dpkg-buildpackage -us -uc -b

FROM debian:12
COPY --from=build /src/gongwen_*.deb /src/gongwen-data_*.deb /tmp/debs/
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        /tmp/debs/*.deb \
    && rm -rf /var/lib/apt/lists/* /tmp/debs \
    && useradd --create-home --uid 1000 gongwen
ENV LANG=C.UTF-8
USER gongwen
WORKDIR /work
ENTRYPOINT ["gongwen"]
CMD ["--help"]
