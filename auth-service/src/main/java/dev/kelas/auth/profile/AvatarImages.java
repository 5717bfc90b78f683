package dev.kelas.auth.profile;

import dev.kelas.auth.config.AuthConfig;
import dev.kelas.contracts.ErrorCode;
import dev.kelas.runtime.problem.KelasException;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;

/**
 * Checks and resizes avatar images: the declared type must be PNG, JPEG or WebP, the upload at most
 * {@code kelas.auth.avatar.max-bytes}, and its bytes must decode (JDK ImageIO) as that very type with at most
 * {@code kelas.auth.avatar.max-pixels} pixels (read from the header before any pixel, against decompression
 * bombs). The kept image is the centre square scaled to {@code kelas.auth.avatar.size} pixels a side with
 * Thumbnailator, re-encoded in the same format (a WebP as PNG: there is no well-kept Java WebP writer; TwelveMonkeys
 * {@code imageio-webp} reads it), so no metadata of the upload (EXIF, GPS) survives. CPU work:
 * call it on a worker thread. AWT runs headless ({@code java.awt.headless=true}).
 */
@ApplicationScoped
public class AvatarImages {
    /** Types an upload may have; what is stored is PNG or JPEG. */
    static final List<String> ACCEPTED = List.of("image/png", "image/jpeg", "image/webp");

    static {
        System.setProperty("java.awt.headless", "true");
        // Registered by hand: ImageIO's classpath scan depends on the thread that first touches it.
        IIORegistry.getDefaultInstance().registerServiceProvider(new WebPImageReaderSpi());
    }

    /** What is stored: the encoded image and its content type. */
    public record Avatar(byte[] bytes, String contentType) {
    }

    private final AuthConfig.Avatar config;

    public AvatarImages(AuthConfig config) {
        this.config = config.avatar();
    }

    /** 413 {@code AVATAR_TOO_LARGE} for an upload of {@code bytes}. */
    public KelasException tooLarge(long bytes) {
        return new KelasException(413, ErrorCode.AVATAR_TOO_LARGE, "The avatar is " + bytes + " bytes; at most "
                + config.maxBytes() + " are accepted", List.of(new KelasException.FieldError("avatar",
                "must be at most " + config.maxBytes() + " bytes")));
    }

    /** The largest upload, bytes ({@code kelas.auth.avatar.max-bytes}). */
    public int maxBytes() {
        return config.maxBytes();
    }

    /**
     * The declared content type without parameters, lower case, if it is one an avatar may have.
     *
     * @throws KelasException 415 {@code AVATAR_TYPE_UNSUPPORTED} for anything but {@code image/png}, {@code image/jpeg}
     *                        and {@code image/webp}
     */
    public String checkType(String declared) {
        String type = declared == null ? "" : declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!ACCEPTED.contains(type)) {
            throw new KelasException(415, ErrorCode.AVATAR_TYPE_UNSUPPORTED, "An avatar must be image/png, image/jpeg or image/webp, not "
                    + (type.isEmpty() ? "a body without Content-Type" : type), List.of(new KelasException.FieldError("Content-Type",
                    "must be image/png, image/jpeg or image/webp")));
        }
        return type;
    }

    /**
     * Checks an upload and makes the avatar kept of it (PNG for a PNG or WebP upload, JPEG for a JPEG).
     *
     * @param contentType as {@link #checkType} returned it
     * @throws KelasException 413 {@code AVATAR_TOO_LARGE} above the byte limit; 422 {@code AVATAR_UNREADABLE} when the
     *                        bytes are not a decodable image of {@code contentType} or have too many pixels
     */
    public Avatar resize(String contentType, byte[] upload) {
        if (upload.length > config.maxBytes()) {
            throw tooLarge(upload.length);
        }
        String format = contentType.substring("image/".length());
        BufferedImage image = decode(format, upload);
        boolean jpeg = format.equals("jpeg");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thumbnails.of(image).crop(Positions.CENTER).size(config.size(), config.size())
                    .outputFormat(jpeg ? "jpg" : "png").outputQuality(0.9).toOutputStream(out);
            return new Avatar(out.toByteArray(), jpeg ? "image/jpeg" : "image/png");
        } catch (IOException e) {
            throw new IllegalStateException("Resizing an avatar failed", e);
        }
    }

    private BufferedImage decode(String format, byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable("is not a " + format.toUpperCase(Locale.ROOT) + " image");
            }
            ImageReader reader = readers.next();
            try {
                String actual = reader.getFormatName().toLowerCase(Locale.ROOT);
                boolean matches = format.equals("jpeg") ? actual.equals("jpeg") || actual.equals("jpg") : actual.equals(format);
                if (!matches) {
                    throw unreadable("is a " + actual.toUpperCase(Locale.ROOT) + " image, not " + format.toUpperCase(Locale.ROOT)
                            + " as its Content-Type says");
                }
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > config.maxPixels()) {
                    throw unreadable("has " + pixels + " pixels; at most " + config.maxPixels() + " are accepted");
                }
                BufferedImage image = reader.read(0);
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw unreadable("has no picture in it");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof KelasException known) {
                throw known;
            }
            throw unreadable("does not decode as " + format.toUpperCase(Locale.ROOT));
        }
    }

    private static KelasException unreadable(String why) {
        return new KelasException(422, ErrorCode.AVATAR_UNREADABLE, "The avatar " + why,
                List.of(new KelasException.FieldError("avatar", why)));
    }
}
