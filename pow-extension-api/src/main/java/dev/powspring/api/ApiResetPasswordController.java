package dev.powspring.api;

import java.util.Map;

import dev.powspring.resetpassword.ResetPasswordRequests;
import dev.powspring.web.PowController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /reset-password} with {@code user[email]}: mails the reset link when an
 * account has the address, and answers {@code 200 {"data":{}}} either way. The link opens
 * the web page.
 */
@PowController
@RestController
public class ApiResetPasswordController extends ApiMailedLinkControllerSupport {

	/**
	 * Create an instance.
	 * @param collaborators the services the controller uses
	 * @param requests throttles reset requests and mails the links
	 */
	public ApiResetPasswordController(Collaborators collaborators, ResetPasswordRequests requests) {
		super(collaborators, requests);
	}

	/**
	 * Ask for a reset link.
	 */
	@PostMapping("${pow.api.path:/api/v1}/reset-password")
	public ResponseEntity<Map<String, Object>> create(HttpServletRequest request, HttpServletResponse response) {
		return requestLink(request, response);
	}

}
