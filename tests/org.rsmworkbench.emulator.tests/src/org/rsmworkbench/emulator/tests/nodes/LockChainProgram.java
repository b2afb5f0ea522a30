package org.rsmworkbench.emulator.tests.nodes;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A JVM that holds a POSIX lock and waits for another, for CloseAfterAFailedStopTest:
 * {@code LockChainProgram <held> <wanted>} locks the file {@code held} (FileChannel.lock: fcntl F_SETLKW, the whole
 * file), answers {@code HOLDING}, then waits for a lock on {@code wanted}; answers {@code GOT} when it has it, or
 * {@code ERROR <exception>} when the kernel refuses it. It holds what it has until its stdin ends.
 */
public final class LockChainProgram {

    private LockChainProgram() {
    }

    public static void main(String[] args) throws IOException {
        try (FileChannel held = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                FileChannel wanted = FileChannel.open(Path.of(args[1]), StandardOpenOption.WRITE)) {
            held.lock();
            say("HOLDING");
            try {
                wanted.lock();
                say("GOT");
            } catch (IOException e) {
                say("ERROR " + e);
            }
            while (System.in.read() >= 0) {
                // holds its locks until the test is done with them
            }
        }
    }

    private static void say(String s) {
        System.out.println(s);
        System.out.flush();
    }
}
