package dev.powspring.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Flash messages shown on the next page: {@value #INFO} for notices and {@value #ERROR}
 * for problems, read by templates as {@code ${info}} and {@code ${error}}. A {@code null}
 * text adds nothing.
 */
public final class PowFlash {

	/** Name of the flash attribute holding a notice. */
	public static final String INFO = "info";

	/** Name of the flash attribute holding an error. */
	public static final String ERROR = "error";

	private PowFlash() {
	}

	/**
	 * Add a notice for the page a controller redirects to.
	 * @param attributes the controller's redirect attributes
	 * @param text the text, or {@code null} for none
	 */
	public static void info(RedirectAttributes attributes, String text) {
		if (text != null) {
			attributes.addFlashAttribute(INFO, text);
		}
	}

	/**
	 * Add an error for the page a controller redirects to.
	 * @param attributes the controller's redirect attributes
	 * @param text the text, or {@code null} for none
	 */
	public static void error(RedirectAttributes attributes, String text) {
		if (text != null) {
			attributes.addFlashAttribute(ERROR, text);
		}
	}

	/**
	 * Add a flash attribute outside a controller, for a redirect sent by hand.
	 * @param request the request
	 * @param name {@value #INFO} or {@value #ERROR}
	 * @param text the text, or {@code null} for none
	 */
	public static void add(HttpServletRequest request, String name, String text) {
		FlashMap flashMap = RequestContextUtils.getOutputFlashMap(request);
		if (text != null && flashMap != null) {
			flashMap.put(name, text);
		}
	}

}
