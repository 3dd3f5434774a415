package com.lakesail.engine;

import org.apache.spark.sql.SparkSession;

/**
 * A Spark Connect client in a JVM of its own (its trust store is whatever its command line says):
 * connects to {@code args[0]}, runs {@code args[1]} and prints {@code RESULT=<first cell>}, or
 * {@code ERROR=<what failed>} and exits 2.
 */
public final class SparkConnectClientMain {
    private SparkConnectClientMain() {
    }

    public static void main(String[] args) {
        int code = 0;
        try (SparkSession spark = SparkSession.builder().remote(args[0]).create()) {
            System.out.println("RESULT=" + spark.sql(args[1]).collectAsList().get(0).get(0));
        } catch (Throwable t) {
            StringBuilder what = new StringBuilder();
            for (Throwable c = t; c != null; c = c.getCause()) {
                what.append(c.getClass().getName()).append(": ").append(c.getMessage()).append(" | ");
            }
            System.out.println("ERROR=" + what.toString().replace('\n', ' '));
            code = 2;
        }
        System.out.flush();
        Runtime.getRuntime().halt(code);
    }
}
