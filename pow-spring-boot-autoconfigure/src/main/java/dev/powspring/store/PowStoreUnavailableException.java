package dev.powspring.store;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The backend behind the store (a database, Redis) cannot be reached or failed. Pow
 * answers such requests with 503; service resumes once the backend is back.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class PowStoreUnavailableException extends RuntimeException {

	public PowStoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
