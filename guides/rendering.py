"""Helpers that keep a guide's rendering at a fixed number of queries, however many steps."""

from wagtail.images import get_image_model


def prefetch_images(stream) -> None:
    """Load every image of a stream, with all its renditions, in two queries.

    Wagtail's chooser block already fetches the images in bulk, but each ``{% picture %}``
    would then look up its renditions one image at a time.
    """
    holders = []
    for child in stream:
        image_value = child.value.get("image") if hasattr(child.value, "get") else None
        if image_value and image_value.get("image") is not None:
            holders.append(image_value)
    if not holders:
        return
    ids = {holder["image"].pk for holder in holders}
    images = get_image_model().objects.filter(pk__in=ids).prefetch_renditions().in_bulk()
    for holder in holders:
        holder["image"] = images.get(holder["image"].pk, holder["image"])
