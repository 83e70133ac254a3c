import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM peer of bench/peers.sh: the client a Vert.x user writes for seed 004's question (its own text has none to
 * build), every request queued at once on one event loop and a pool of CONNS keep-alive connections, as aiohttp's
 * connector limit does. Prints "ok seconds".
 * Usage: java -cp build/lib/'*':DIR VertxPeer URL N CONNS
 */
public final class VertxPeer {
    public static void main(String[] args) {
        URI url = URI.create(args[0]);
        int n = Integer.parseInt(args[1]);
        int conns = Integer.parseInt(args[2]);
        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(conns));
        RequestOptions get = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(url.getHost())
                .setPort(url.getPort())
                .setURI(url.getRawPath());
        long start = System.nanoTime();
        List<Future<Boolean>> responses = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            responses.add(client.request(get)
                    .compose(request -> request.send())
                    .compose(response -> response.body().map(body -> response.statusCode() == 200)));
        }
        Future.join(responses).await();
        long ok = responses.stream().filter(f -> f.succeeded() && f.result()).count();
        System.out.println(ok + " " + (System.nanoTime() - start) / 1e9);
        vertx.close().await();
    }
}
