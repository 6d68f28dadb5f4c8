package io.openhire.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One data directory, one launcher: an exclusive lock on {@code <data dir>/launcher.lock}, held from the start
 * until the stop has closed PostgreSQL, with the holder's process id written in the file. Two launchers on one
 * directory corrupt Kafka's metadata log and fight over PostgreSQL's files; a launcher that is still stopping
 * holds the lock until it is done. The operating system drops the lock when the process ends, however it
 * ends ({@code kill -9} too), so a crash never leaves a stale lock behind.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE = "launcher.lock";

    /** Another live process holds the lock; {@code pid} is 0 when its file says nothing readable. */
    static final class HeldElsewhere extends Exception {
        private final long pid;

        HeldElsewhere(Path dataDir, long pid) {
            super("the data directory " + dataDir + " is in use by another OpenHire launcher"
                    + (pid > 0
                            ? " (PID " + pid + "): stop it first (Ctrl-C in its terminal, or kill " + pid + ")"
                            : ": stop it first")
                    + ", or give this one another --data-dir");
            this.pid = pid;
        }

        long pid() {
            return pid;
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the directory (which must exist) for this process, or says who has it. */
    static DataDirectoryLock acquire(Path dataDir) throws IOException, HeldElsewhere {
        FileChannel channel = FileChannel.open(
                dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already (a second platform object in one test JVM)
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            long holder = holderOf(channel);
            channel.close();
            throw new HeldElsewhere(dataDir, holder);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new DataDirectoryLock(channel, lock);
    }

    private static long holderOf(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(32);
        channel.read(content, 0);
        String text = new String(content.array(), 0, content.position(), StandardCharsets.UTF_8).trim();
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : 0;
    }

    /** Lets the next launcher in: called once everything of this one has stopped. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
