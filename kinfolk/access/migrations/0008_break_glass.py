"""Break-the-glass: each use of it, and the notices to the people told of it
(kinfolk.access.break_glass)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('access', '0007_refuse_truncate'),
        ('people', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='BreakGlassAccess',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reason', models.TextField(verbose_name='why the record was needed')),
                ('opened_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='opened')),
                ('expires_at', models.DateTimeField(verbose_name='open until')),
                ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='reviewed')),
                ('review_note', models.TextField(blank=True, verbose_name='review note')),
            ],
            options={
                'verbose_name': 'break-the-glass access',
                'verbose_name_plural': 'break-the-glass accesses',
                'ordering': ['-opened_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='BreakGlassNotice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('read_at', models.DateTimeField(blank=True, null=True, verbose_name='read')),
            ],
            options={
                'verbose_name': 'break-the-glass notice',
                'ordering': ['-access__opened_at', '-pk'],
            },
        ),
        migrations.AddField(
            model_name='breakglassaccess',
            name='child',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='break_glass_accesses', to='people.child'),
        ),
        migrations.AddField(
            model_name='breakglassaccess',
            name='reviewed_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='breakglassaccess',
            name='user',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='break_glass_accesses', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='breakglassnotice',
            name='access',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notices', to='access.breakglassaccess'),
        ),
        migrations.AddField(
            model_name='breakglassnotice',
            name='user',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='break_glass_notices', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddIndex(
            model_name='breakglassaccess',
            index=models.Index(fields=['child', 'user', 'expires_at'], name='break_glass_open'),
        ),
        migrations.AddConstraint(
            model_name='breakglassaccess',
            constraint=models.CheckConstraint(condition=models.Q(('expires_at__gt', models.F('opened_at'))), name='break_glass_expires_after_opening'),
        ),
        migrations.AddConstraint(
            model_name='breakglassaccess',
            constraint=models.CheckConstraint(condition=models.Q(('reviewed_at__isnull', True), ('reviewed_by__isnull', False), _connector='OR'), name='break_glass_review_has_reviewer'),
        ),
        migrations.AddConstraint(
            model_name='breakglassnotice',
            constraint=models.UniqueConstraint(fields=('access', 'user'), name='break_glass_notice_unique'),
        ),
    ]
