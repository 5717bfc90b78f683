package dev.kelas.auth.profile;

import dev.kelas.auth.config.AuthConfig;
import dev.kelas.runtime.storage.FileStorage;
import dev.kelas.runtime.storage.FilesystemStorage;
import dev.kelas.runtime.storage.S3Storage;
import dev.kelas.testing.S3TestServer;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kelas bench files [N]}: what keeping files costs. p50/p99 of N (KELAS_BENCH_FILES_N, 100) puts and gets of
 * 64 KiB and 1 MiB through {@link S3Storage} against a real radosgw on loopback (scripts/s3_server.sh) and through
 * {@link FilesystemStorage} in the same run (the floor), and p50/max of 20 avatar checks and resizes
 * ({@link AvatarImages}) of a 4000x3000 JPEG, a phone photo's size. Prints and writes target/bench-files.txt. A
 * benchmark, not a test: it asserts nothing and runs only with KELAS_BENCH=files.
 */
@EnabledIfEnvironmentVariable(named = "KELAS_BENCH", matches = "files")
class FilesBenchmark {

    @Test
    void measure(@TempDir Path dir) throws Exception {
        int n = Integer.parseInt(System.getenv().getOrDefault("KELAS_BENCH_FILES_N", "100"));
        List<String> report = new ArrayList<>();
        try (S3TestServer server = S3TestServer.start();
             S3Storage s3 = new S3Storage(URI.create(server.endpoint()), server.region(), "bench", server.accessKey(), server.secretKey())) {
            s3.client().createBucket(b -> b.bucket("bench"));
            FileStorage filesystem = new FilesystemStorage(dir.resolve("files"));
            for (int size : new int[]{64 * 1024, 1024 * 1024}) {
                byte[] bytes = new byte[size];
                new Random(size).nextBytes(bytes);
                Path file = Files.write(dir.resolve("upload-" + size), bytes);
                for (FileStorage storage : List.of(s3, filesystem)) {
                    report.add(measure(storage, file, size, n));
                }
            }
        }
        report.add(resize());
        String text = String.join("\n", report) + "\n";
        System.out.print(text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/bench-files.txt"), text);
    }

    private static String measure(FileStorage storage, Path file, int size, int n) throws Exception {
        for (int i = 0; i < 10; i++) {
            storage.put("warm-up/" + i, file, "application/octet-stream");
            storage.get("warm-up/" + i);
        }
        long[] put = new long[n];
        long[] get = new long[n];
        for (int i = 0; i < n; i++) {
            String key = UUID.randomUUID() + "/" + UUID.randomUUID();
            long t0 = System.nanoTime();
            storage.put(key, file, "application/octet-stream");
            long t1 = System.nanoTime();
            if (storage.get(key).length != size) {
                throw new IllegalStateException("read back a different size");
            }
            get[i] = System.nanoTime() - t1;
            put[i] = t1 - t0;
        }
        Arrays.sort(put);
        Arrays.sort(get);
        return String.format("%-17s %4d KiB x %d: put p50 %6.1f ms p99 %6.1f ms | get p50 %6.1f ms p99 %6.1f ms",
                storage.getClass().getSimpleName(), size / 1024, n, ms(put[n / 2]), ms(put[n * 99 / 100]), ms(get[n / 2]),
                ms(get[n * 99 / 100]));
    }

    private static String resize() throws Exception {
        BufferedImage photo = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, 4000, 3000, Color.BLUE));
        g.fillRect(0, 0, 4000, 3000);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpeg", jpeg);
        AvatarImages images = new AvatarImages(config());
        long[] times = new long[20];
        for (int i = -3; i < times.length; i++) {
            long t0 = System.nanoTime();
            images.resize("image/jpeg", jpeg.toByteArray());
            if (i >= 0) {
                times[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(times);
        return String.format("avatar 4000x3000 JPEG (%d KiB) checked and resized to 256x256: p50 %.0f ms, max %.0f ms",
                jpeg.size() / 1024, ms(times[times.length / 2]), ms(times[times.length - 1]));
    }

    /** kelas.auth.avatar.* at their defaults (2 MiB, 256, 40 megapixels); nothing else is asked for. */
    private static AuthConfig config() {
        AuthConfig.Avatar avatar = (AuthConfig.Avatar) Proxy.newProxyInstance(FilesBenchmark.class.getClassLoader(),
                new Class<?>[]{AuthConfig.Avatar.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "maxBytes" -> 2 * 1024 * 1024;
                    case "size" -> 256;
                    case "maxPixels" -> 40_000_000L;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (AuthConfig) Proxy.newProxyInstance(FilesBenchmark.class.getClassLoader(), new Class<?>[]{AuthConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("avatar")) {
                        return avatar;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
