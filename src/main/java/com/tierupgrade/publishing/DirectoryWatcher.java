package com.tierupgrade.publishing;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Calls back once a burst of changes in some folders has settled: editors save through temporary files and
 * renames, and a marketer may save several files in a row. A folder that is deleted and made again (a checkout, a
 * sync tool) or made later is watched again within a second.
 */
final class DirectoryWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DirectoryWatcher.class);
    private static final long QUIET_MILLIS = 300;
    private static final long RECHECK_SECONDS = 1;

    private final List<Path> folders;
    private final Runnable onChange;
    private final WatchService watchService;
    private final Map<Path, WatchKey> keys = new HashMap<>();
    private final Thread thread;
    /** System.nanoTime() when the running callback started; 0 while none runs. */
    private volatile long busySince;

    DirectoryWatcher(List<Path> folders, Runnable onChange) throws IOException {
        this.folders = List.copyOf(folders);
        this.onChange = onChange;
        watchService = FileSystems.getDefault().newWatchService();
        register();
        thread = new Thread(this::watch, "rules-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Watches every folder not watched yet; answers whether one that was watched before had to be watched again. */
    private boolean register() {
        boolean rewatched = false;
        for (Path folder : folders) {
            WatchKey key = keys.get(folder);
            if ((key == null || !key.isValid()) && Files.isDirectory(folder)) {
                try {
                    keys.put(folder, folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
                    rewatched |= key != null;
                } catch (IOException e) {
                    LOG.warnf("Cannot watch %s: %s", folder, e.getMessage());
                }
            }
        }
        return rewatched;
    }

    private void watch() {
        try {
            while (true) {
                WatchKey changed = watchService.poll(RECHECK_SECONDS, TimeUnit.SECONDS);
                boolean rewatched = register();
                if (changed == null && !rewatched) {
                    continue;
                }
                if (changed != null) {
                    drain(changed);
                }
                WatchKey more;
                while ((more = watchService.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                busySince = System.nanoTime() | 1; // never 0 while busy
                try {
                    onChange.run();
                } catch (RuntimeException e) {
                    LOG.error("Reloading the rules failed", e);
                } finally {
                    busySince = 0;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the watching thread still runs (it ends only when closed). */
    boolean alive() {
        return thread.isAlive();
    }

    /** How long the callback has been running, zero when it is not. */
    Duration busyFor() {
        long since = busySince;
        return since == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() throws IOException {
        watchService.close();
        thread.interrupt();
    }
}
