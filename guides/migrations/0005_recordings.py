"""Recordings: a part's audio takes only sound files, one per language; easy-read sections
take one too. (Block definitions only: the stored data keeps its shape.)"""

import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('guides', '0004_editors_publish'),
    ]

    operations = [
        migrations.AlterField(
            model_name='guidepage',
            name='easy_read',
            field=wagtail.fields.StreamField([('section', 9)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 80}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'ol', 'ul', 'link'], 'label': 'Text'}), 2: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Image', 'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the image shows that the text does not say. Required unless decorative.', 'label': 'Alternative text', 'max_length': 250, 'required': False}), 4: ('wagtail.blocks.BooleanBlock', (), {'help_text': 'Tick only if the image adds nothing to the text (it will be skipped).', 'label': 'Decorative', 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('image', 2), ('alt_text', 3), ('decorative', 4)]], {'required': False}), 6: ('guides.blocks.RecordingChooserBlock', (), {'help_text': 'This part read aloud, in the language of this page. “Listen” plays it; without one, the device’s voice reads the text. In a translation, choose that language’s recording in the translation editor.', 'label': 'Recording (Ogg/Opus, WebM, MP4/AAC or MP3)', 'required': False}), 7: ('wagtail.blocks.TextBlock', (), {'help_text': 'What the recording says, unless it reads the text above word for word.', 'label': 'Transcript', 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('file', 6), ('transcript', 7)]], {'required': False}), 9: ('wagtail.blocks.StructBlock', [[('title', 0), ('body', 1), ('image', 5), ('audio', 8)]], {})}, help_text='The whole guide in easy-to-read language (FALC). Optional.', verbose_name='easy-read version'),
        ),
        migrations.AlterField(
            model_name='guidepage',
            name='steps',
            field=wagtail.fields.StreamField([('step', 17)], block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Title of the step', 'max_length': 120}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['h3', 'h4', 'bold', 'italic', 'ol', 'ul', 'link'], 'label': 'What to do'}), 2: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Image', 'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the image shows that the text does not say. Required unless decorative.', 'label': 'Alternative text', 'max_length': 250, 'required': False}), 4: ('wagtail.blocks.BooleanBlock', (), {'help_text': 'Tick only if the image adds nothing to the text (it will be skipped).', 'label': 'Decorative', 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('image', 2), ('alt_text', 3), ('decorative', 4)]], {'required': False}), 6: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('tip', 'Tip'), ('warning', 'Warning'), ('ask_school', 'Ask at school')], 'label': 'Kind'}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 600}), 8: ('wagtail.blocks.StructBlock', [[('kind', 6), ('text', 7)]], {}), 9: ('wagtail.blocks.ListBlock', (8,), {'default': [], 'label': 'Callouts'}), 10: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Video file (MP4 or WebM)', 'required': False}), 11: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Captions (WebVTT file)', 'required': False}), 12: ('wagtail.blocks.TextBlock', (), {'label': 'Transcript', 'required': False}), 13: ('wagtail.blocks.StructBlock', [[('file', 10), ('captions', 11), ('transcript', 12)]], {'required': False}), 14: ('guides.blocks.RecordingChooserBlock', (), {'help_text': 'This part read aloud, in the language of this page. “Listen” plays it; without one, the device’s voice reads the text. In a translation, choose that language’s recording in the translation editor.', 'label': 'Recording (Ogg/Opus, WebM, MP4/AAC or MP3)', 'required': False}), 15: ('wagtail.blocks.TextBlock', (), {'help_text': 'What the recording says, unless it reads the text above word for word.', 'label': 'Transcript', 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('file', 14), ('transcript', 15)]], {'required': False}), 17: ('wagtail.blocks.StructBlock', [[('title', 0), ('body', 1), ('image', 5), ('callouts', 9), ('video', 13), ('audio', 16)]], {})}, verbose_name='steps'),
        ),
    ]
