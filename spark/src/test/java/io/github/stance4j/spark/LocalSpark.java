package io.github.stance4j.spark;

import org.apache.spark.sql.SparkSession;

/** One Spark session in local mode for all tests of this JVM, on the loopback address only. */
final class LocalSpark {
    private LocalSpark() {}

    static SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("stance4j-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }
}
