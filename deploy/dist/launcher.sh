#!/bin/sh
# ${project.artifactId} ${project.version}: starts ${dist.main-class} with the jars of lib/.
#
#   bin/${project.artifactId} [ARGUMENTS...]     arguments are passed to the program as they are
#
# Environment: JAVA_HOME (the JDK or JRE to use; default: java on the PATH), JAVA_OPTS (JVM options, e.g.
# "-Xmx1g"; split on spaces), and the service's own settings (docs/configuration.md). Logging: conf/logback.xml.
# Generated from deploy/dist/launcher.sh by `mvn package`.
set -eu

# The distribution's folder, through any symbolic links to this script.
self=$0
while [ -h "$self" ]; do
  link=$(readlink "$self")
  case $link in
    /*) self=$link ;;
    *) self=$(dirname "$self")/$link ;;
  esac
done
home=$(cd "$(dirname "$self")/.." && pwd -P)

if [ -n "${JAVA_HOME:-}" ]; then
  java=$JAVA_HOME/bin/java
  if [ ! -x "$java" ]; then
    echo "${project.artifactId}: JAVA_HOME is $JAVA_HOME, but $java is not an executable" >&2
    exit 1
  fi
else
  java=java
fi

# The module's own jar first, so that its resources (application.yml, logback.xml) win over any dependency's.
set -- -cp "$home/lib/${project.build.finalName}.jar:$home/lib/*" ${dist.main-class} "$@"
if [ -f "$home/conf/logback.xml" ]; then
  set -- "-Dlogback.configurationFile=$home/conf/logback.xml" "$@"
fi
# JAVA_OPTS is split on spaces on purpose: it holds several options.
# shellcheck disable=SC2086
exec "$java" ${JAVA_OPTS:-} "$@"
