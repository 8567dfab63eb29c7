package dev.powspring.benchmarks.peer.pow;

import dev.powspring.session.CurrentUser;
import dev.powspring.user.PowUser;
import dev.powspring.web.guard.RequireAuthenticated;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The two pages of the comparison, byte for byte those of the Spring Security peer's
 * {@code PagesController} but for the user's name: a public page, and a private one that
 * Pow lets only a signed-in user reach, protected as Pow's README shows.
 */
@Controller
class PagesController {

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String home() {
		return "<!DOCTYPE html>\n<html><head><title>Hello</title></head><body><h1>Hello</h1></body></html>\n";
	}

	@GetMapping(path = "/private", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	@RequireAuthenticated
	String privatePage(@CurrentUser PowUser user) {
		return "<!DOCTYPE html>\n<html><head><title>Private</title></head><body><h1>Private</h1><p>Signed in as "
				+ HtmlUtils.htmlEscape(user.getUserId()) + "</p></body></html>\n";
	}

}
