package io.openhire.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One data directory, one launcher: a second launcher is told at once which process has the directory. */
class DataDirectoryLockTest {

    @TempDir
    Path dataDir;

    Process holder;

    /** Another launcher's JVM: takes the lock, says so, and keeps it until killed. */
    static final class Holder {
        public static void main(String[] args) throws Exception {
            DataDirectoryLock lock = DataDirectoryLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            System.in.read(); // until the test ends or kills it
            lock.close();
        }
    }

    Process startHolder() throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Holder.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = output.readLine();
        assertThat(line).as("the holder's first words").isEqualTo("locked");
        return process;
    }

    @AfterEach
    void killTheHolder() throws Exception {
        if (holder != null) {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondLauncherOnTheSameDataDirectoryIsToldWhichProcessHasIt() throws Exception {
        holder = startHolder();

        assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDir))
                .isInstanceOfSatisfying(
                        DataDirectoryLock.HeldElsewhere.class,
                        held -> assertThat(held.pid()).isEqualTo(holder.pid()))
                .hasMessageContaining("in use by another OpenHire launcher (PID " + holder.pid() + ")")
                .hasMessageContaining("kill " + holder.pid())
                .hasMessageContaining(dataDir.toString());
    }

    @Test
    void theLockGoesWithItsProcessHoweverItEnds() throws Exception {
        holder = startHolder();
        holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: no chance to let go itself

        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir)) {
            assertThat(Files.readString(dataDir.resolve(DataDirectoryLock.FILE)).trim())
                    .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        }
        // and released, the next one gets it
        DataDirectoryLock.acquire(dataDir).close();
    }

    @Test
    void theLauncherStartsNothingOnADataDirectoryInUse() throws Exception {
        holder = startHolder();
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        boolean started = new AllInOne(dataDir, false, new PrintStream(console, true, StandardCharsets.UTF_8)).start();

        assertThat(started).isFalse();
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("✗ the data directory " + dataDir + " is in use by another OpenHire launcher (PID "
                        + holder.pid() + ")")
                .doesNotContain("postgresql", "kafka");
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }
}
