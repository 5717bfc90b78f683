package dev.kelas.runtime.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files as objects in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW) through the AWS SDK v2 S3 client over
 * the JDK's URLConnection, addressed path-style ({@code <endpoint>/<bucket>/<key>}). Each object is PUT with
 * its {@code Content-MD5}, so the store itself refuses a body that arrived damaged. The SDK's newer default
 * checksums (CRC32 trailers in aws-chunked bodies) are asked for only where an operation requires them, since
 * many S3-compatible servers (Ceph before 19, older MinIO) refuse them.
 */
public class S3Storage implements FileStorage, AutoCloseable {
    private final S3Client s3;
    private final String bucket;

    /**
     * @param endpoint e.g. {@code https://s3.eu-central-1.amazonaws.com} or {@code http://minio:9000}
     * @param region   the signing region ({@code us-east-1} suits most S3-compatible servers)
     * @param bucket   an existing bucket: this class never creates one
     */
    public S3Storage(URI endpoint, String region, String bucket, String accessKey, String secretKey) {
        this.bucket = bucket;
        this.s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .build();
    }

    /** The SDK client this storage uses (for tests and tools that set a bucket up). */
    public S3Client client() {
        return s3;
    }

    @Override
    public void put(String key, Path source, String contentType) throws IOException {
        String md5 = md5Base64(source);
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentMD5(md5), RequestBody.fromFile(source));
        } catch (SdkException e) {
            throw new IOException("S3 PUT " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] get(String key) throws IOException {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException("Nothing stored under " + key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new FileNotFoundException("Nothing stored under " + key);
            }
            throw new IOException("S3 GET " + key + " answered " + e.statusCode() + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("S3 GET " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new IOException("S3 DELETE " + key + " answered " + e.statusCode() + ": " + e.getMessage(), e);
            }
        } catch (SdkException e) {
            throw new IOException("S3 DELETE " + key + " failed: " + e.getMessage(), e);
        }
    }

    /** Closes the SDK client and its connections. */
    @Override
    public void close() {
        s3.close();
    }

    private static String md5Base64(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("MD5"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return Base64.getEncoder().encodeToString(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
