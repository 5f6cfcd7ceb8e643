package org.imageproc.local;

import java.lang.reflect.Field;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.http.HttpURI;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.Response;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.gaul.shaded.org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands s3proxy each request path with its encoded slashes (%2F) decoded, as S3 reads it. The AWS SDK's Apache
 * client signs a key's "//" as it is but sends it as "/%2F"; S3 checks the signature against the decoded path and
 * accepts it; s3proxy checks it against the path as sent, and so refuses every key holding "//" (or starting with
 * '/').
 */
final class EncodedSlashes extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(EncodedSlashes.class);

    private EncodedSlashes(Handler handler) {
        super(handler);
    }

    /** Puts itself in front of the not yet started proxy's handlers, which s3proxy offers no way to extend. */
    static void install(S3Proxy proxy) {
        try {
            Field field = S3Proxy.class.getDeclaredField("server");
            field.setAccessible(true);
            Server server = (Server) field.get(proxy);
            server.setHandler(new EncodedSlashes(server.getHandler()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("The local S3 will refuse keys holding '//' from the AWS SDK (signature mismatch), as this"
                    + " s3proxy version has no Jetty server to extend where it used to: {}", e.toString());
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (path == null || !(path.contains("%2F") || path.contains("%2f"))) {
            return super.handle(request, response, callback);
        }
        HttpURI decoded;
        try {
            decoded = HttpURI.build(request.getHttpURI()).path(path.replace("%2F", "/").replace("%2f", "/"));
        } catch (IllegalArgumentException e) {
            // the decoded path climbs above the root: left for s3proxy to judge as it came
            return super.handle(request, response, callback);
        }
        if (decoded.getCanonicalPath() == null) {
            return super.handle(request, response, callback);
        }
        return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return decoded;
            }
        }, response, callback);
    }
}
