package com.lakesail.cli;

/** The {@code lakesail} command: runs {@link LakeSailCli} in this process's terminal and exits with its status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(LakeSailCli.run(Terminal.system(), args));
    }
}
