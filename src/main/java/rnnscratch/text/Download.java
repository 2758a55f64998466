package rnnscratch.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Downloads one file over HTTP and keeps it only if its SHA-1 is the expected one.
 *
 * <p>The bytes go to a temporary file in the target's folder, which is renamed onto the target only after the
 * checksum matched, so the target is never half-written. Failures are {@link IOException}s whose message is a short
 * reason ("no connection to d2l-data.s3-accelerate.amazonaws.com (Connection refused)", "no answer from … within
 * 5000 ms", "the server answered HTTP 404 for …", a checksum mismatch).
 *
 * <p>Docs: docs/text-pipeline.md
 */
final class Download {
    /** Larger answers are not the file we want; stop reading rather than fill the disk. */
    private static final long MAX_BYTES = 64L << 20;

    private Download() {}

    /**
     * Downloads {@code url} to {@code target} if its SHA-1 is {@code sha1}.
     *
     * @param timeout the connect timeout, and the longest wait for each read
     * @throws IOException with a short reason; the target is then unchanged, and neither a temporary file nor a
     *                     folder made for it is left
     */
    static void fetchVerified(URI url, Path target, String sha1, Duration timeout) throws IOException {
        var dir = target.toAbsolutePath().getParent();
        Path firstMade = firstMissingFolder(dir);
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, target.getFileName() + ".", ".part");
        } catch (IOException e) {
            removeEmptyFolders(dir, firstMade);
            throw new IOException("cannot write into the folder " + dir + " (" + e + ")", e);
        }
        boolean kept = false;
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("the server answered HTTP " + status + " for " + url);
            }
            var digest = sha1();
            try (InputStream in = connection.getInputStream(); OutputStream out = Files.newOutputStream(tmp)) {
                var buffer = new byte[1 << 16];
                long total = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > MAX_BYTES) {
                        throw new IOException(url + " sent more than " + MAX_BYTES + " bytes, far more than expected");
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            var actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(sha1)) {
                throw new IOException("the file downloaded from " + url + " has SHA-1 " + actual + ", expected " + sha1
                        + "; it was deleted");
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            kept = true;
        } catch (ConnectException e) {
            throw new IOException("no connection to " + url.getHost() + " (" + e.getMessage() + ")", e);
        } catch (UnknownHostException e) {
            throw new IOException("cannot resolve " + url.getHost() + ": no internet?", e);
        } catch (SocketTimeoutException e) {
            throw new IOException("no answer from " + url.getHost() + " within " + timeout.toMillis() + " ms", e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
            Files.deleteIfExists(tmp);
            if (!kept) {
                removeEmptyFolders(dir, firstMade);
            }
        }
    }

    /** The outermost folder of {@code dir} that does not exist yet ({@code dir}'s own parent chain), if any. */
    private static Path firstMissingFolder(Path dir) {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /**
     * After a failed download, removes the folders this download made ({@code dir} up to {@code firstMade}), so a
     * failure leaves no empty cache folder behind; a folder something else wrote into meanwhile is kept.
     */
    private static void removeEmptyFolders(Path dir, Path firstMade) {
        if (firstMade == null) {
            return;
        }
        for (Path p = dir; p != null && p.startsWith(firstMade); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException notEmptyOrNotOurs) {
                return;
            }
        }
    }

    /** The SHA-1 of {@code bytes} as 40 lower-case hex digits. */
    static String sha1Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha1().digest(bytes));
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
