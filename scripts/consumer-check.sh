#!/usr/bin/env bash
# stance4j as a library user meets it: installs the artifact, builds a separate Maven project that
# depends on it and holds the README's Java example (src/test/java/io/github/stance4j/examples/
# ReadmeExample.java, the same code), runs the example, and checks the project's dependency tree:
# no command-line library (picocli, progressbar, jline, commons-csv, commons-text) and the PyTorch
# native jar of this platform. Usage: scripts/consumer-check.sh [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-$(mktemp -d)}"
mvn -B -q -ntp install -DskipTests

mkdir -p "$work/src/main/java/example"
{
  echo "package example;"
  echo
  sed -n '/README:begin/,/README:end/p' src/test/java/io/github/stance4j/examples/ReadmeExample.java | grep -v 'README:'
} > "$work/src/main/java/example/ReadmeExample.java"
cat > "$work/pom.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>stance4j-consumer</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>io.github.stance4j</groupId>
      <artifactId>stance4j</artifactId>
      <version>0.1.0</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.13.0</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
      </plugin>
      <plugin>
        <groupId>org.codehaus.mojo</groupId>
        <artifactId>exec-maven-plugin</artifactId>
        <version>3.5.0</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF

cd "$work"
mvn -B -q -ntp compile
mvn -B -ntp dependency:tree -Dscope=runtime -DoutputFile=tree.txt >/dev/null
cat tree.txt
if grep -E 'picocli|progressbar|jline|commons-csv|commons-text' tree.txt; then
  echo "consumer-check: FAILED: a command-line library is on the consumer's classpath" >&2
  exit 1
fi
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) classifier=linux-x86_64 ;;
  Linux-aarch64) classifier=linux-aarch64 ;;
  Darwin-arm64) classifier=osx-aarch64 ;;
  MINGW*|MSYS*|CYGWIN*) classifier=win-x86_64 ;;
  *) classifier=unknown ;;
esac
if ! grep -q "pytorch-native-cpu:jar:$classifier:" tree.txt; then
  echo "consumer-check: FAILED: no pytorch-native-cpu $classifier jar for this platform" >&2
  exit 1
fi
mvn -B -q -ntp exec:java -Dexec.mainClass=example.ReadmeExample
echo "consumer-check: OK ($work): the README example compiles and runs; no CLI library; native jar $classifier"
