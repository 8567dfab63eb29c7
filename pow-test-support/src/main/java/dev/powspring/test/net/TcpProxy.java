package dev.powspring.test.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards a local port on the loopback interface to a target, until cut: then every
 * connection is closed and new ones are refused, as if the target were down, until the
 * proxy is restored on the same port.
 */
public final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket server;

	private TcpProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.server = bind(0);
		this.port = this.server.getLocalPort();
		accept(this.server);
	}

	/**
	 * Start a proxy to the target.
	 * @param targetHost the target's host
	 * @param targetPort the target's port
	 * @return the running proxy
	 * @throws IOException when no local port can be bound
	 */
	public static TcpProxy start(String targetHost, int targetPort) throws IOException {
		return new TcpProxy(targetHost, targetPort);
	}

	/**
	 * Return the local port that forwards to the target.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Cut the connection: close every open connection and refuse new ones.
	 */
	public synchronized void cut() {
		closeQuietly(this.server);
		this.server = null;
		this.sockets.forEach(TcpProxy::closeQuietly);
		this.sockets.clear();
	}

	/**
	 * Accept connections again, on the same port.
	 * @throws IOException when the port cannot be bound again
	 */
	public synchronized void restore() throws IOException {
		if (this.server == null) {
			this.server = bind(this.port);
			accept(this.server);
		}
	}

	@Override
	public void close() {
		cut();
	}

	private static ServerSocket bind(int port) throws IOException {
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		return server;
	}

	private void accept(ServerSocket server) {
		daemon("tcp-proxy-accept-" + this.port, () -> {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					if (!register(server, client)) {
						continue;
					}
					Socket target = new Socket(this.targetHost, this.targetPort);
					if (!register(server, target)) {
						closeQuietly(client);
						continue;
					}
					pipe(client, target);
					pipe(target, client);
				}
				catch (IOException ex) {
					// Closed by cut(), or the target refused: the client sees a closed socket.
				}
			}
		});
	}

	// Keeps a socket for cut() to close, unless the proxy was cut since the connection was
	// accepted: a connection that slipped in then would otherwise outlive the cut.
	private synchronized boolean register(ServerSocket acceptedBy, Socket socket) {
		if (this.server != acceptedBy) {
			closeQuietly(socket);
			return false;
		}
		this.sockets.add(socket);
		return true;
	}

	private void pipe(Socket from, Socket to) {
		daemon("tcp-proxy-pipe-" + this.port, () -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// One side closed.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.sockets.remove(from);
				this.sockets.remove(to);
			}
		});
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// Already closed.
			}
		}
	}

}
